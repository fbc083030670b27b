-- DropIndex
DROP INDEX "StripePaymentIntent_currency_amount_idx";

-- CreateIndex
CREATE INDEX "StripePaymentIntent_currency_amount_status_created_id_idx" ON "StripePaymentIntent"("currency", "amount", "status", "created", "id");

