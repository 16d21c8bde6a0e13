-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Block" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Annotation_searchVector_idx" ON "Annotation" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Block_searchVector_idx" ON "Block" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");

-- Keep the search vectors current. The 'simple' configuration does not stem, so it treats every
-- language alike; prefix queries (word:*) cover inflections.
CREATE FUNCTION closeread_block_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('simple', coalesce(NEW."text", ''));
  RETURN NEW;
END $$;

CREATE FUNCTION closeread_annotation_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('simple', coalesce(NEW."exact", '') || ' ' || array_to_string(NEW."tags", ' '));
  RETURN NEW;
END $$;

CREATE FUNCTION closeread_comment_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('simple', coalesce(NEW."bodyText", ''));
  RETURN NEW;
END $$;

CREATE TRIGGER "Block_search" BEFORE INSERT OR UPDATE OF "text" ON "Block"
  FOR EACH ROW EXECUTE FUNCTION closeread_block_search();
CREATE TRIGGER "Annotation_search" BEFORE INSERT OR UPDATE OF "exact", "tags" ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION closeread_annotation_search();
CREATE TRIGGER "Comment_search" BEFORE INSERT OR UPDATE OF "bodyText" ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION closeread_comment_search();

UPDATE "Block" SET "searchVector" = to_tsvector('simple', coalesce("text", ''));
UPDATE "Annotation" SET "searchVector" = to_tsvector('simple', coalesce("exact", '') || ' ' || array_to_string("tags", ' '));
UPDATE "Comment" SET "searchVector" = to_tsvector('simple', coalesce("bodyText", ''));
