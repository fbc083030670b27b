-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_action_idempotencyKey_key" ON "AuditEntry"("action", "idempotencyKey");

