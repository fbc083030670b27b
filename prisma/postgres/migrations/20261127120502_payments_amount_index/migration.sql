-- CreateIndex
CREATE INDEX "StripePaymentIntent_currency_amount_idx" ON "StripePaymentIntent"("currency", "amount");

