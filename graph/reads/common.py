"""Turning query records into response models: entities, sources, moves, influences."""

from __future__ import annotations

from typing import Any

from graph import queries
from graph.domain import EntityKind, kind_of_labels
from graph.errors import NotFoundError
from graph.models import (
    DatedSource,
    EntityRef,
    InfluencePublic,
    MovePublic,
    MoveReport,
)
from graph.repository import Repository
from graph.schema import INTERNAL_PROPERTIES

# A response body as plain JSON-ready data, shaped as its model in graph/reads/models.py. The
# hottest reads (careers, timelines, influencers) build these instead of models: the API sends
# them without validating them again, which was a quarter of a timeline request's own CPU
# (docs/performance.md). tests/test_response_shapes.py holds them to their models.
Json = dict[str, Any]


def move_name(kind: str | None, coach: str | None, from_: str | None, to: str | None) -> str:
    """A move's title: "Carlo Ancelotti → AS Roma", "Carlo Ancelotti leaves Real Madrid"."""
    who = coach or "?"
    if to:
        return f"{who} → {to}"
    if kind == "sacking" and from_:
        return f"{who} sacked by {from_}"
    if kind == "retirement":
        return f"{who} retires"
    if from_:
        return f"{who} leaves {from_}"
    return f"{who}: {kind or 'move'}"


def entity_json(node: dict[str, Any]) -> Json:
    """An EntityRef's data from a node map (queries._NODE or a smaller {id, name, labels, kind})."""
    labels: list[str] = node.get("labels") or []
    kind = kind_of_labels(labels, node.get("kind"))
    name = node.get("name") or node["id"]
    if kind is EntityKind.move:
        name = move_name(
            node.get("kind"), node.get("coach_name"), node.get("from_name"), node.get("to_name")
        )
    return {"id": node["id"], "name": name, "kind": kind.value}


def entity(node: dict[str, Any]) -> EntityRef:
    """An EntityRef from a node map (see entity_json)."""
    return EntityRef(**entity_json(node))


def maybe_entity(node: dict[str, Any] | None) -> EntityRef | None:
    return entity(node) if node else None


def public_properties(props: dict[str, Any]) -> dict[str, Any]:
    """A relationship's properties as JSON-friendly values, loader bookkeeping removed."""
    return {
        key: value
        if isinstance(value, str | int | float | bool | list) or value is None
        else str(value)
        for key, value in sorted(props.items())
        if key not in INTERNAL_PROPERTIES
    }


async def resolve_node(repo: Repository, ident: str) -> tuple[str, dict[str, Any]]:
    """The element id and node map (queries._NODE) of any entity by its id.

    Raises:
        NotFoundError: no person, team, outlet, move or source has this id.
    """
    rows = await repo.read(queries.ENTITY_BY_ID, id=ident)
    if not rows:
        raise NotFoundError("entity", ident)
    return rows[0]["eid"], rows[0]["node"]


async def resolve(repo: Repository, ident: str) -> tuple[str, EntityRef]:
    """The element id and EntityRef of any entity by its id; NotFoundError("entity", id)."""
    eid, node = await resolve_node(repo, ident)
    return eid, entity(node)


def move_public(row: dict[str, Any]) -> MovePublic:
    coach = entity(row["coach"])
    from_ = maybe_entity(row["from"])
    to = maybe_entity(row["to"])
    reports = [
        MoveReport(
            source=DatedSource(**r["source"]),
            outlet=maybe_entity(r["outlet"]),
            date=r["date"],
            status=r["status"],
            evidence=r["evidence"],
        )
        for r in row["reports"]
    ]
    return MovePublic(
        id=row["id"],
        name=move_name(
            row["kind"], coach.name, from_.name if from_ else None, to.name if to else None
        ),
        kind=row["kind"],
        status=row["status"],
        coach=coach,
        from_=from_,
        to=to,
        first_reported=row["first_reported"],
        last_reported=row["last_reported"],
        reports=reports,
    )


def influence_json(row: dict[str, Any]) -> Json:
    """An InfluencePublic's data from a queries._INFLUENCE map."""
    source = row["source"] or {"id": "?", "title": "unknown source", "kind": "reference"}
    return {
        "person": entity_json(row["person"]),
        "polarity": row["polarity"],
        "how": row["how"],
        "evidence": row["evidence"],
        "source": {
            "id": source["id"],
            "title": source["title"],
            "url": source.get("url"),
            "kind": source["kind"],
        },
    }


def influence_public(row: dict[str, Any]) -> InfluencePublic:
    return InfluencePublic(**influence_json(row))
