CREATE TYPE "public"."pod_status" AS ENUM('PROVISIONING', 'RUNNING', 'DEGRADED', 'STOPPED', 'FAILED', 'TERMINATED');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('ACTIVE', 'SUSPENDED', 'CANCELLED', 'TERMINATED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."workload_kind" AS ENUM('Deployment', 'StatefulSet');--> statement-breakpoint
CREATE TABLE "pods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "pod_status" DEFAULT 'PROVISIONING' NOT NULL,
	"namespace" text NOT NULL,
	"workload_kind" "workload_kind" NOT NULL,
	"workload_name" text NOT NULL,
	"node_name" text,
	"restarts" integer DEFAULT 0 NOT NULL,
	"desired_replicas" integer DEFAULT 1 NOT NULL,
	"ready_replicas" integer DEFAULT 0 NOT NULL,
	"available_replicas" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"provisioning_deadline_at" timestamp with time zone NOT NULL,
	"ready_at" timestamp with time zone,
	"running_since" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"terminated_at" timestamp with time zone,
	"ready_mailed_at" timestamp with time zone,
	"last_restart_at" timestamp with time zone,
	"last_reconciled_at" timestamp with time zone,
	"last_observed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"changes" jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"plan_id" uuid,
	"service_id" uuid,
	"name" text NOT NULL,
	"host" text NOT NULL,
	"status" "subscription_status" DEFAULT 'ACTIVE' NOT NULL,
	"price_idr" bigint NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"auto_renew" boolean DEFAULT true NOT NULL,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"grace_started_at" timestamp with time zone,
	"suspended_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"terminated_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"end_reason" text,
	"idempotency_key" text,
	"idempotency_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_period_order" CHECK ("subscriptions"."period_start" < "subscriptions"."period_end"),
	CONSTRAINT "subscriptions_price_not_negative" CHECK ("subscriptions"."price_idr" >= 0)
);
--> statement-breakpoint
ALTER TABLE "pods" ADD CONSTRAINT "pods_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pods" ADD CONSTRAINT "pods_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pods_subscription_unique" ON "pods" USING btree ("subscription_id");--> statement-breakpoint
CREATE INDEX "pods_user_created_idx" ON "pods" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "pods_status_idx" ON "pods" USING btree ("status");--> statement-breakpoint
CREATE INDEX "pods_namespace_workload_idx" ON "pods" USING btree ("namespace","workload_name");--> statement-breakpoint
CREATE INDEX "reconciliations_subscription_created_idx" ON "reconciliations" USING btree ("subscription_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_host_live_unique" ON "subscriptions" USING btree ("host") WHERE status in ('ACTIVE', 'SUSPENDED', 'CANCELLED');--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_user_name_live_unique" ON "subscriptions" USING btree ("user_id","name") WHERE status in ('ACTIVE', 'SUSPENDED', 'CANCELLED');--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_user_idempotency_key_unique" ON "subscriptions" USING btree ("user_id","idempotency_key") WHERE "subscriptions"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "subscriptions_user_created_idx" ON "subscriptions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "subscriptions_status_period_end_idx" ON "subscriptions" USING btree ("status","period_end");--> statement-breakpoint
CREATE INDEX "subscriptions_plan_idx" ON "subscriptions" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "subscriptions_service_idx" ON "subscriptions" USING btree ("service_id");--> statement-breakpoint
-- No subscription existed before this migration: a generated secret so far is a leftover of a render without one.
DELETE FROM "generated_secrets" WHERE "subscription_id" NOT IN (SELECT "id" FROM "subscriptions");--> statement-breakpoint
ALTER TABLE "generated_secrets" ADD CONSTRAINT "generated_secrets_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;