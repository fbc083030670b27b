-- DropIndex
DROP INDEX "StripePaymentIntent_created_id_idx";

-- CreateIndex
CREATE INDEX "StripePaymentIntent_created_id_searchText_idx" ON "StripePaymentIntent"("created", "id", "searchText");

