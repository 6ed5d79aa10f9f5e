-- Named what-if scenarios, kept per workspace as their JSON definition (Core/Scenarios/ScenarioJson).
CREATE TABLE scenarios (
    workspace_id VARCHAR   NOT NULL,
    name         VARCHAR   NOT NULL,
    definition   VARCHAR   NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
