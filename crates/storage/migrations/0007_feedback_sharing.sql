-- The employee may share the report of a closed round with their manager / coach.
ALTER TABLE feedback_rounds ADD COLUMN shared_with_manager BIGINT NOT NULL DEFAULT 0;
