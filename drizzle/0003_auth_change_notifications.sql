-- Every committed change to a user or a session tells the API processes which user changed, so their
-- in-memory session caches drop that user's entries (see src/modules/accounts/session-cache.ts).
-- NOTIFY is transactional: it is delivered on commit, never for a rolled-back change.
CREATE OR REPLACE FUNCTION kapal_notify_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid;
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
  ELSE
    changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END;
  END IF;
  PERFORM pg_notify('kapal_auth_changed', changed::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_auth_changed AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION kapal_notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER auth_sessions_auth_changed AFTER UPDATE OR DELETE ON auth_sessions
  FOR EACH ROW EXECUTE FUNCTION kapal_notify_auth_changed();
