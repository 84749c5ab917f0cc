-- Finishing 360° feedback: questionnaires HR assigns, reminders, manager-proposed rounds.

-- Which questionnaire applies to whom. target_kind: 'function' (target = lower-case function
-- title), 'unit' (target = unit id) or 'team' (target = the manager's person id). The most
-- specific assignment wins when an employee starts a round (function, team, unit, parent units).
CREATE TABLE feedback_questionnaire_assignments (
    organisation_id TEXT NOT NULL,
    questionnaire_id TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, questionnaire_id, target_kind, target)
);
CREATE INDEX feedback_questionnaire_assignments_target
    ON feedback_questionnaire_assignments (organisation_id, target_kind, target);

-- Organisation-wide feedback settings HR or an administrator can change.
CREATE TABLE feedback_settings (
    organisation_id TEXT NOT NULL,
    -- 1: a manager may propose a round for someone in their team (the employee must consent).
    manager_rounds BIGINT NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id)
);

-- Which reminders were sent for an invitation (bit 1: three days before, bit 2: one day before).
ALTER TABLE feedback_invitations ADD COLUMN reminders_sent BIGINT NOT NULL DEFAULT 0;

-- A round a manager proposed: status 'proposed' until the employee accepts (then 'open') or
-- declines ('declined'). The proposed raters wait in `proposal` (JSON); no invitation exists and
-- no e-mail is sent before consent.
ALTER TABLE feedback_rounds ADD COLUMN proposed_by TEXT;
ALTER TABLE feedback_rounds ADD COLUMN proposal TEXT;
