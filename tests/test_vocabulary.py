"""Every part of coachgraph accepts exactly the domain's values (graph/domain/vocabulary.py):
the loader's records, the extractor's claims and lexicons, the Wikidata mapping, the read API's
parameters and answers, and analytics."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, get_type_hints

import pytest
from pydantic import BaseModel, ValidationError

from app.main import create_app
from app.settings import ApiSettings
from graph.analytics import resolution
from graph.domain import (
    IN_CHARGE,
    EntityKind,
    MentionKind,
    MoveKind,
    MoveStatus,
    PersonRole,
    Polarity,
    Resolution,
    SourceKind,
    TeamKind,
    TenureRole,
    TenureStatus,
    kind_of_labels,
)
from graph.extract import schema as extract_schema
from graph.extract.lexicon import LexiconFile, TriggerSpec, load_lexicon
from graph.loader import records
from graph.models import (
    CareerPublic,
    InfluencePublic,
    MovePublic,
    ResolutionPublic,
    TimelineItem,
)
from graph.wikidata import mapping


def _enum(model: type[BaseModel], field: str) -> set[str]:
    """The values a model's field accepts, from its JSON schema (enum, or a $ref to one)."""
    schema = model.model_json_schema(by_alias=True)
    prop = schema["properties"][field]
    for option in [prop, *prop.get("anyOf", []), *prop.get("allOf", [])]:
        if "enum" in option:
            return set(option["enum"])
        if "$ref" in option:
            return set(schema["$defs"][option["$ref"].rsplit("/", 1)[1]]["enum"])
    raise AssertionError(f"{model.__name__}.{field} is not an enumeration: {prop}")


def _values(enum: type[StrEnum]) -> set[str]:
    return {member.value for member in enum}


@pytest.mark.parametrize(
    ("model", "field", "enum"),
    [
        (records.TenureRecord, "role", TenureRole),
        (records.MoveRecord, "kind", MoveKind),
        (records.MoveRecord, "status", MoveStatus),
        (records.MoveReportRecord, "status", MoveStatus),
        (records.InfluenceRecord, "polarity", Polarity),
        (records.TeamRecord, "kind", TeamKind),
        (records.SourceRecord, "kind", SourceKind),
        (extract_schema.TenureClaim, "role", TenureRole),
        (extract_schema.TenureClaim, "status", TenureStatus),
        (extract_schema.MoveClaim, "kind", MoveKind),
        (extract_schema.MoveClaim, "status", MoveStatus),
        (extract_schema.InfluenceClaim, "polarity", Polarity),
        (extract_schema.MentionEntity, "kind", MentionKind),
        (extract_schema.Unresolved, "kind_guess", MentionKind),
        (TimelineItem, "role", TenureRole),
        (MovePublic, "status", MoveStatus),
        (InfluencePublic, "polarity", Polarity),
    ],
)
def test_models_accept_exactly_the_domains_values(
    model: type[BaseModel], field: str, enum: type[StrEnum]
) -> None:
    assert _enum(model, field) == _values(enum)


def test_entity_references_carry_the_domains_kinds() -> None:
    schema = CareerPublic.model_json_schema()
    assert set(schema["$defs"]["EntityKind"]["enum"]) == _values(EntityKind)


def test_the_loader_refuses_a_value_outside_the_vocabulary() -> None:
    base = {"id": "t", "coach": "c", "team": "t", "source": "s", "start": "2020"}
    for role in TenureRole:
        assert records.TenureRecord(**base, role=role.value).role is role
    with pytest.raises(ValidationError, match="role"):
        records.TenureRecord(**base, role="manager")
    person = {"id": "p", "name": "P"}
    assert records.PersonRecord(**person, roles="|".join(PersonRole)).roles
    with pytest.raises(ValidationError, match="unknown role"):
        records.PersonRecord(**person, roles="coach|owner")


@pytest.mark.parametrize("lang", ["it", "en", "es"])
def test_lexicons_use_the_domains_statuses_and_kinds(lang: str) -> None:
    lex = load_lexicon(lang)
    assert {cue.label for cue in lex.triggers} <= _values(MoveKind)
    assert {cue.status for cue in lex.triggers if cue.status} <= _values(MoveStatus)
    assert {cue.label for cue in lex.status_cues} <= _values(MoveStatus)
    assert {cue.label for cue in lex.tenure_cues} <= _values(TenureStatus)
    assert {cue.label for cue in lex.influences} <= _values(Polarity)


def test_wikidata_statements_use_the_domains_roles_and_team_kinds() -> None:
    assert get_type_hints(mapping.Statement)["role"] is TenureRole
    assert get_type_hints(mapping.Team)["kind"] is TeamKind


@pytest.mark.parametrize(
    ("field", "enum"),
    [("status_cues", MoveStatus), ("tenure_cues", TenureStatus), ("influences", Polarity)],
)
def test_lexicon_files_accept_exactly_the_domains_keys(field: str, enum: type[StrEnum]) -> None:
    schema = LexiconFile.model_json_schema()
    ref = schema["properties"][field]["propertyNames"]["$ref"].rsplit("/", 1)[1]
    assert set(schema["$defs"][ref]["enum"]) == _values(enum)
    assert _enum(TriggerSpec, "kind") == _values(MoveKind)


def test_analytics_and_reads_share_in_charge_and_resolutions() -> None:
    assert resolution.IN_CHARGE is IN_CHARGE
    assert _enum(ResolutionPublic, "resolution") == _values(Resolution)
    app = create_app(ApiSettings(neo4j_password="unused"))
    params = {
        (path, p["name"]): p["schema"]
        for path, ops in app.openapi()["paths"].items()
        for op in ops.values()
        for p in op.get("parameters", [])
    }
    components = app.openapi()["components"]["schemas"]

    def enum_of(schema: dict[str, Any]) -> set[str]:
        for option in [schema, *schema.get("anyOf", []), schema.get("items", {})]:
            if "$ref" in option:
                return set(components[option["$ref"].rsplit("/", 1)[1]]["enum"])
            if "items" in option:
                return enum_of(option["items"])
            if "enum" in option:
                return set(option["enum"])
        return set()

    assert enum_of(params[("/moves", "status")]) == _values(MoveStatus)
    assert enum_of(params[("/moves", "resolution")]) == _values(Resolution)
    assert enum_of(params[("/coaches/{coach_id}/career", "role")]) == _values(TenureRole)
    assert enum_of(params[("/moves/{move_id}/influencers", "polarity")]) == _values(Polarity)


def test_a_nodes_kind_comes_from_one_rule() -> None:
    assert kind_of_labels(["Person", "Coach"]) is EntityKind.coach
    assert kind_of_labels(["Team", "NationalTeam"]) is EntityKind.national
    assert kind_of_labels(["Team"], "national") is EntityKind.national
    assert kind_of_labels(["Team", "Club"]) is EntityKind.club
    assert kind_of_labels(["Source", "Dataset"]) is EntityKind.dataset
    assert kind_of_labels(["Source"], "dataset") is EntityKind.dataset
    assert kind_of_labels(["Source", "Article"]) is EntityKind.article
    assert kind_of_labels(["Source", "Reference"]) is EntityKind.reference
