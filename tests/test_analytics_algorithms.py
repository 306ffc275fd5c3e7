"""The networkx projections and algorithms on small synthetic graphs with hand-computed answers.

No database: projections are built from plain records, as the service builds them from queries.
"""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from graph.analytics import algorithms, projection
from graph.analytics.algorithms import CommunityMethod, Metric
from graph.analytics.resolution import TenureFact


def tenure(ident: str, coach: str, team: str, start: str, role: str = "head") -> TenureFact:
    y, m, d = (int(p) for p in start.split("-"))
    return TenureFact(
        id=ident,
        coach=coach,
        team=team,
        role=role,
        start=start,
        start_date=date(y, m, d),
        coach_name=coach.upper(),
        team_name=team.upper(),
    )


# A path A - x - B - y - C - z: coach x coached A and B, y coached B and C, z coached C.
PATH_TENURES = [
    tenure("x-a", "x", "A", "2001-01-01"),
    tenure("x-b", "x", "B", "2003-01-01"),
    tenure("y-b", "y", "B", "2005-01-01"),
    tenure("y-c", "y", "C", "2007-01-01"),
    tenure("z-c", "z", "C", "2009-01-01"),
]


def test_bipartite_graph_has_coach_and_team_sides_and_merges_repeat_tenures() -> None:
    graph = projection.bipartite_graph([*PATH_TENURES, tenure("x-a-2", "x", "A", "2011-01-01")])
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 5
    assert graph.nodes["x"]["side"] == "coach" and graph.nodes["A"]["side"] == "team"
    assert graph.nodes["A"]["name"] == "A" and graph.nodes["x"]["name"] == "X"
    assert graph.edges["x", "A"]["tenures"] == ["x-a", "x-a-2"]


def test_degree_hubs_are_degree_over_n_minus_one() -> None:
    graph = projection.bipartite_graph(PATH_TENURES)
    coaches = algorithms.hubs(graph, "coach", Metric.degree)
    # n = 6: x and y have degree 2 -> 2/5, z has 1 -> 1/5; ties broken by id
    assert [(h.node, h.score, h.degree) for h in coaches] == [
        ("x", 0.4, 2),
        ("y", 0.4, 2),
        ("z", 0.2, 1),
    ]


def test_betweenness_hubs_on_a_path() -> None:
    graph = projection.bipartite_graph(PATH_TENURES)
    # on a path of 6 the i-th node lies on i * (5 - i) shortest paths; normalised by C(5, 2) = 10
    teams = {h.node: h.score for h in algorithms.hubs(graph, "team", Metric.betweenness)}
    coaches = {h.node: h.score for h in algorithms.hubs(graph, "coach", Metric.betweenness)}
    assert teams == pytest.approx({"A": 0.0, "B": 0.6, "C": 0.4})
    assert coaches == pytest.approx({"x": 0.4, "y": 0.6, "z": 0.0})
    assert [h.node for h in algorithms.hubs(graph, "team", Metric.betweenness)] == ["B", "C", "A"]


def test_pagerank_of_a_star_matches_the_closed_form() -> None:
    # centre c, leaves l1..l3: q = 0.15/4 + 0.85 * 3p, p = 0.15/4 + 0.85 q / 3, q + 3p = 1
    # => q = 0.8875 / 1.85, p = (1 - q) / 3
    star = nx.star_graph(3)
    ranks = algorithms.pagerank(star)
    q = 0.8875 / 1.85
    assert ranks[0] == pytest.approx(q, abs=1e-9)
    for leaf in (1, 2, 3):
        assert ranks[leaf] == pytest.approx((1 - q) / 3, abs=1e-9)
    assert sum(ranks.values()) == pytest.approx(1.0)


def test_pagerank_handles_dangling_nodes_and_empty_graphs() -> None:
    graph = nx.DiGraph([("a", "b")])
    # b is dangling: r_a = 0.075 + 0.425 r_b, r_b = r_a + 0.85 r_a ... solve: r_a + r_b = 1,
    # r_a = 0.15/2 + 0.85 r_b / 2 -> r_a = (0.075 + 0.425) / 1.425
    ranks = algorithms.pagerank(graph)
    assert ranks["a"] == pytest.approx(0.5 / 1.425, abs=1e-9)
    assert ranks["b"] == pytest.approx(1 - 0.5 / 1.425, abs=1e-9)
    assert algorithms.pagerank(nx.Graph()) == {}


def test_pagerank_hubs_rank_the_middle_of_the_path_first() -> None:
    graph = projection.bipartite_graph(PATH_TENURES)
    teams = algorithms.hubs(graph, "team", Metric.pagerank)
    # B (between x and y) and C (between y and z) have degree 2; A is a leaf
    assert teams[-1].node == "A"
    assert {teams[0].node, teams[1].node} == {"B", "C"}


# A square of clubs: X coached A and B, Y coached B and C, Z coached A and C: two ways from X to C.
SQUARE = [
    tenure("x-a", "X", "A", "2001-01-01"),
    tenure("x-b", "X", "B", "2002-01-01"),
    tenure("y-b", "Y", "B", "2003-01-01"),
    tenure("y-c", "Y", "C", "2004-01-01"),
    tenure("z-a", "Z", "A", "2005-01-01"),
    tenure("z-c", "Z", "C", "2006-01-01"),
]


def _entity_graph(tenures: list[TenureFact]) -> nx.Graph:
    ids = sorted({t.coach for t in tenures} | {t.team for t in tenures})
    nodes = [{"id": i, "name": i, "labels": ["Team"]} for i in ids]
    edges = [
        {"type": "COACHED", "source": t.coach, "target": t.team, "props": {"tenure": t.id}}
        for t in tenures
    ]
    return projection.entity_graph(nodes, edges)


def test_k_shortest_paths_lists_both_ways_round_the_square_and_no_more() -> None:
    graph = _entity_graph(SQUARE)
    paths = algorithms.k_shortest_paths(graph, "X", "C", 5)
    assert sorted(paths) == [["X", "A", "Z", "C"], ["X", "B", "Y", "C"]]
    assert algorithms.k_shortest_paths(graph, "X", "C", 1) in (
        [["X", "A", "Z", "C"]],
        [["X", "B", "Y", "C"]],
    )
    # X to Y: X-B-Y (2 hops), then X-A-Z-C-Y (4 hops)
    assert algorithms.k_shortest_paths(graph, "X", "Y", 10) == [
        ["X", "B", "Y"],
        ["X", "A", "Z", "C", "Y"],
    ]


def test_k_shortest_paths_edge_cases() -> None:
    graph = _entity_graph(SQUARE)
    graph.add_node("lonely", node={"id": "lonely"})
    assert algorithms.k_shortest_paths(graph, "X", "lonely", 3) == []
    assert algorithms.k_shortest_paths(graph, "X", "missing", 3) == []
    with pytest.raises(ValueError, match="between 1 and 10"):
        algorithms.k_shortest_paths(graph, "X", "C", 11)
    with pytest.raises(ValueError, match="two different"):
        algorithms.k_shortest_paths(graph, "X", "X", 1)


def test_path_relationships_keep_direction_and_count_parallel_ones() -> None:
    graph = _entity_graph([*SQUARE, tenure("x-b-2", "X", "B", "2010-01-01")])
    rels = algorithms.path_relationships(graph, ["C", "Y", "B", "X"])
    assert [(r["type"], r["start"], r["end"]) for r in rels] == [
        ("COACHED", "Y", "C"),
        ("COACHED", "Y", "B"),
        ("COACHED", "X", "B"),
    ]
    assert rels[2]["properties"] == {"tenure": "x-b", "parallel": 2}


def test_succession_chain_orders_by_start_and_includes_caretakers() -> None:
    tenures = [
        tenure("p3", "new", "T", "2012-07-01"),
        tenure("p1", "old", "T", "2010-01-01"),
        tenure("p2", "interim", "T", "2012-05-01", role="caretaker"),
        tenure("helper", "assist", "T", "2011-01-01", role="assistant"),
    ]
    chain = projection.succession_chains(tenures)["T"]
    assert [s.tenure.id for s in chain] == ["p1", "p2", "p3"]
    assert chain[0].predecessor is None and chain[0].successor is not None
    assert chain[1].predecessor is not None and chain[1].predecessor.coach == "old"
    assert chain[2].successor is None


def test_same_day_appointments_are_ordered_by_tenure_id() -> None:
    tenures = [tenure("b", "two", "T", "2020-01-01"), tenure("a", "one", "T", "2020-01-01")]
    assert [s.tenure.coach for s in projection.succession_chains(tenures)["T"]] == ["one", "two"]


# Successions across clubs: a -> b at T1, b -> c at T2, c -> d at T1, b -> a at T3.
TREE = [
    tenure("a-t1", "a", "T1", "2001-01-01"),
    tenure("b-t1", "b", "T1", "2002-01-01"),
    tenure("c-t1", "c", "T1", "2005-01-01"),
    tenure("d-t1", "d", "T1", "2008-01-01"),
    tenure("b-t2", "b", "T2", "2003-01-01"),
    tenure("c-t2", "c", "T2", "2004-01-01"),
    tenure("b-t3", "b", "T3", "2006-01-01"),
    tenure("a-t3", "a", "T3", "2007-01-01"),
]


def test_succession_graph_edges_name_their_teams() -> None:
    graph = projection.succession_graph(TREE)
    assert sorted(graph.edges) == [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d")]
    # at T1 b was followed by c (2005), and at T2 by c too (2004)
    assert sorted(at["team"] for at in graph.edges["b", "c"]["at"]) == ["T1", "T2"]
    assert [at["to_tenure"] for at in graph.edges["a", "b"]["at"]] == ["b-t1"]


def test_coaching_tree_goes_breadth_first_to_the_depth_asked() -> None:
    graph = projection.succession_graph(TREE)
    one = algorithms.coaching_tree(graph, "a", 1)
    assert [(p, s, at["team"], d) for p, s, at, d in one] == [("a", "b", "T1", 1)]
    two = algorithms.coaching_tree(graph, "a", 2)
    assert [(p, s, at["team"], d) for p, s, at, d in two] == [
        ("a", "b", "T1", 1),
        ("b", "a", "T3", 2),
        ("b", "c", "T1", 2),
        ("b", "c", "T2", 2),
    ]
    assert algorithms.coaching_tree(graph, "nobody", 2) == []


# Two clusters of teams: A, B, C share coaches p, q, r; D, E share s; coach t links C and D.
CLUSTERS = [
    tenure("p-a", "p", "A", "2001-01-01"),
    tenure("p-b", "p", "B", "2002-01-01"),
    tenure("q-b", "q", "B", "2003-01-01"),
    tenure("q-c", "q", "C", "2004-01-01"),
    tenure("r-a", "r", "A", "2005-01-01"),
    tenure("r-c", "r", "C", "2006-01-01"),
    tenure("u-a", "u", "A", "2007-01-01"),
    tenure("u-b", "u", "B", "2008-01-01"),
    tenure("s-d", "s", "D", "2001-01-01"),
    tenure("s-e", "s", "E", "2002-01-01"),
    tenure("v-d", "v", "D", "2003-01-01"),
    tenure("v-e", "v", "E", "2004-01-01"),
    tenure("t-c", "t", "C", "2010-01-01"),
    tenure("t-d", "t", "D", "2011-01-01"),
    tenure("w-f", "w", "F", "2011-01-01"),
]


def test_team_projection_weights_are_shared_coaches() -> None:
    projected = algorithms.team_projection(projection.bipartite_graph(CLUSTERS))
    assert projected.edges["A", "B"]["weight"] == 2  # p and u
    assert projected.edges["B", "C"]["weight"] == 1
    assert projected.edges["D", "E"]["weight"] == 2
    assert projected.edges["C", "D"]["weight"] == 1
    assert "F" in projected and projected.degree("F") == 0


@pytest.mark.parametrize("method", list(CommunityMethod))
def test_communities_split_the_two_clusters(method: CommunityMethod) -> None:
    projected = algorithms.team_projection(projection.bipartite_graph(CLUSTERS))
    parts = algorithms.communities(projected, method)
    assert parts == [{"A", "B", "C"}, {"D", "E"}, {"F"}]
    # by hand: m = 7 (weights 2+1+1+2+1), Q = sum over communities of L_c/m - (d_c / 2m)^2
    # {A,B,C}: L = 4, d = 9; {D,E}: L = 2, d = 5; {F}: 0, 0
    expected = (4 / 7 - (9 / 14) ** 2) + (2 / 7 - (5 / 14) ** 2)
    assert algorithms.modularity(projected, parts) == pytest.approx(expected)


def test_louvain_is_reproducible_with_its_fixed_seed() -> None:
    projected = algorithms.team_projection(projection.bipartite_graph(CLUSTERS))
    runs = [algorithms.communities(projected, CommunityMethod.louvain) for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]


def test_influence_graph_links_influencers_to_the_moves_coach() -> None:
    graph = projection.influence_graph(
        [
            {
                "person": "ranieri",
                "person_name": "Ranieri",
                "move": "m1",
                "coach": "ancelotti",
                "team": "roma",
                "polarity": "for",
                "how": "convincing him",
            },
            {
                "person": "ranieri",
                "person_name": "Ranieri",
                "move": "m2",
                "coach": "ancelotti",
                "team": "milan",
                "polarity": "against",
                "how": None,
            },
        ]
    )
    assert list(graph.edges) == [("ranieri", "ancelotti")]
    assert [m["polarity"] for m in graph.edges["ranieri", "ancelotti"]["moves"]] == [
        "for",
        "against",
    ]


def test_wilson_interval_by_hand() -> None:
    z = algorithms.Z_95
    # 0 of 1: low 0, high z^2 / (1 + z^2)
    low, high = algorithms.wilson_interval(0, 1) or (None, None)
    assert low == pytest.approx(0.0) and high == pytest.approx(z * z / (1 + z * z))
    # n of n: low = n / (n + z^2)
    low, high = algorithms.wilson_interval(3, 3) or (None, None)
    assert low == pytest.approx(3 / (3 + z * z)) and high == pytest.approx(1.0)
    # 1 of 2: symmetric about 1/2
    low, high = algorithms.wilson_interval(1, 2) or (None, None)
    assert low + high == pytest.approx(1.0)
    assert algorithms.wilson_interval(0, 0) is None
    # three lucky calls rank below 270 of 300
    assert algorithms.wilson_interval(3, 3)[0] < algorithms.wilson_interval(270, 300)[0]  # type: ignore[index]
