-- CreateIndex
CREATE INDEX "Annotation_search_idx" ON "Annotation" USING GIN (to_tsvector('simple'::regconfig, "exact"));

-- CreateIndex
CREATE INDEX "Block_search_idx" ON "Block" USING GIN (to_tsvector('simple'::regconfig, "text"));

-- CreateIndex
CREATE INDEX "Comment_search_idx" ON "Comment" USING GIN (to_tsvector('simple'::regconfig, "bodyText"));
