# The coachgraph API (and the one-shot seed loader, same image with another command).
FROM python:3.11-slim
WORKDIR /srv/coachgraph
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md ./
COPY app ./app
COPY graph ./graph
RUN pip install --no-cache-dir .
COPY seeds ./seeds
RUN useradd --system --uid 10001 coachgraph && chown -R coachgraph /srv/coachgraph
USER coachgraph
# `coachgraph serve` listens on HOST:PORT; inside a container that is every interface.
ENV HOST=0.0.0.0 PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health').status==200 else 1)"
CMD ["coachgraph", "serve"]
