// coachgraph schema: applied idempotently by the loader (graph/schema.py) before every load.
// One statement per line-group, separated by semicolons.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (n:Team) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT outlet_id IF NOT EXISTS FOR (n:Outlet) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tenure_id IF NOT EXISTS FOR (n:Tenure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT move_id IF NOT EXISTS FOR (n:Move) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (n:Meta) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT refusal_id IF NOT EXISTS FOR (n:Refusal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT observation_id IF NOT EXISTS FOR (n:Observation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT retraction_id IF NOT EXISTS FOR (n:Retraction) REQUIRE n.id IS UNIQUE;
CREATE INDEX person_wikidata IF NOT EXISTS FOR (n:Person) ON (n.wikidata_id);
CREATE INDEX team_wikidata IF NOT EXISTS FOR (n:Team) ON (n.wikidata_id);
CREATE INDEX tenure_start IF NOT EXISTS FOR (n:Tenure) ON (n.start_date);
CREATE INDEX move_status IF NOT EXISTS FOR (n:Move) ON (n.status);
CREATE TEXT INDEX person_search_key IF NOT EXISTS FOR (n:Person) ON (n.search_key);
CREATE TEXT INDEX team_search_key IF NOT EXISTS FOR (n:Team) ON (n.search_key);
CREATE TEXT INDEX outlet_search_key IF NOT EXISTS FOR (n:Outlet) ON (n.search_key);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
  FOR (n:Person|Team|Outlet) ON EACH [n.name, n.search_key]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};
// The loader's overlap check reads every head/caretaker tenure of the teams it loads
// (writes.HEAD_TENURES_AT); without this index that is a label scan per team.
CREATE INDEX tenure_team IF NOT EXISTS FOR (n:Tenure) ON (n.team);
// Found by planning every statement on the L graph (docs/performance.md, "Statements that
// scanned"): each turned a label scan of the whole graph into a seek.
// Ingest's duplicate check (extract.queries.ARTICLE_BY_TEXT) compares the lengths first.
CREATE INDEX article_chars IF NOT EXISTS FOR (n:Article) ON (n.chars);
// GET /disputes (reads.disputes.DISPUTED_TENURES): the few disputed tenures among all.
CREATE INDEX tenure_disputed IF NOT EXISTS FOR (n:Tenure) ON (n.disputed);
