-- AlterTable
ALTER TABLE "StripePaymentIntent" ADD COLUMN     "statusRank" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "StripeCharge" ADD COLUMN     "captured" BOOLEAN NOT NULL DEFAULT false;


-- Existing rows: the ranks the webhook handlers now read from these columns, taken from each row's raw object.
UPDATE "StripePaymentIntent" SET "statusRank" = CASE
    WHEN "status" = 'requires_payment_method' AND jsonb_typeof("raw"::jsonb -> 'last_payment_error') = 'object' THEN 3
    WHEN "status" = 'requires_confirmation' THEN 1
    WHEN "status" = 'requires_action' THEN 2
    WHEN "status" = 'processing' THEN 4
    WHEN "status" = 'requires_capture' THEN 5
    WHEN "status" IN ('succeeded', 'canceled') THEN 6
    ELSE 0 END;
UPDATE "StripeCharge" SET "captured" = COALESCE(("raw"::jsonb ->> 'captured')::boolean, false);
