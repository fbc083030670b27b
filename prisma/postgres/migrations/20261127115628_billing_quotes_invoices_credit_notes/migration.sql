-- CreateTable
CREATE TABLE "StripeQuote" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "customerId" TEXT,
    "number" TEXT,
    "amountTotal" INTEGER NOT NULL,
    "currency" TEXT,
    "expiresAt" INTEGER,
    "invoiceId" TEXT,
    "subscriptionId" TEXT,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StripeQuote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeInvoice" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "customerId" TEXT,
    "number" TEXT,
    "currency" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "amountDue" INTEGER NOT NULL,
    "amountPaid" INTEGER NOT NULL,
    "amountRemaining" INTEGER NOT NULL,
    "quoteId" TEXT,
    "subscriptionId" TEXT,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StripeInvoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeCreditNote" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "customerId" TEXT,
    "number" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "reason" TEXT,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StripeCreditNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StripeQuote_created_id_idx" ON "StripeQuote"("created", "id");

-- CreateIndex
CREATE INDEX "StripeQuote_status_created_id_idx" ON "StripeQuote"("status", "created", "id");

-- CreateIndex
CREATE INDEX "StripeQuote_customerId_created_id_idx" ON "StripeQuote"("customerId", "created", "id");

-- CreateIndex
CREATE INDEX "StripeQuote_invoiceId_idx" ON "StripeQuote"("invoiceId");

-- CreateIndex
CREATE INDEX "StripeInvoice_created_id_idx" ON "StripeInvoice"("created", "id");

-- CreateIndex
CREATE INDEX "StripeInvoice_status_created_id_idx" ON "StripeInvoice"("status", "created", "id");

-- CreateIndex
CREATE INDEX "StripeInvoice_customerId_created_id_idx" ON "StripeInvoice"("customerId", "created", "id");

-- CreateIndex
CREATE INDEX "StripeInvoice_quoteId_idx" ON "StripeInvoice"("quoteId");

-- CreateIndex
CREATE INDEX "StripeInvoice_subscriptionId_idx" ON "StripeInvoice"("subscriptionId");

-- CreateIndex
CREATE INDEX "StripeCreditNote_created_id_idx" ON "StripeCreditNote"("created", "id");

-- CreateIndex
CREATE INDEX "StripeCreditNote_status_created_id_idx" ON "StripeCreditNote"("status", "created", "id");

-- CreateIndex
CREATE INDEX "StripeCreditNote_invoiceId_created_idx" ON "StripeCreditNote"("invoiceId", "created");

-- CreateIndex
CREATE INDEX "StripeCreditNote_customerId_created_id_idx" ON "StripeCreditNote"("customerId", "created", "id");

