"""coachgraph's HTTP service: the FastAPI app, its routes and the graph page."""

from importlib.metadata import version

#: The one version number, written in pyproject.toml and read from the installed package.
__version__ = version("coachgraph")
