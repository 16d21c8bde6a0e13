-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Block" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "searchVector" tsvector;

-- CreateFunction
CREATE FUNCTION closeread_annotation_search_vector() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN NEW."searchVector" := to_tsvector(''simple'', NEW.exact)\073 RETURN NEW\073 END';

-- CreateFunction
CREATE FUNCTION closeread_block_search_vector() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN NEW."searchVector" := to_tsvector(''simple'', NEW.text)\073 RETURN NEW\073 END';

-- CreateFunction
CREATE FUNCTION closeread_comment_search_vector() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN NEW."searchVector" := to_tsvector(''simple'', NEW."bodyText")\073 RETURN NEW\073 END';

-- CreateTrigger
CREATE TRIGGER "Annotation_searchVector" BEFORE INSERT OR UPDATE OF exact ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION closeread_annotation_search_vector();

-- CreateTrigger
CREATE TRIGGER "Block_searchVector" BEFORE INSERT OR UPDATE OF text ON "Block"
  FOR EACH ROW EXECUTE FUNCTION closeread_block_search_vector();

-- CreateTrigger
CREATE TRIGGER "Comment_searchVector" BEFORE INSERT OR UPDATE OF "bodyText" ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION closeread_comment_search_vector();

-- Backfill
UPDATE "Annotation" SET "searchVector" = to_tsvector('simple', exact);
UPDATE "Block" SET "searchVector" = to_tsvector('simple', text);
UPDATE "Comment" SET "searchVector" = to_tsvector('simple', "bodyText");

-- DropIndex
DROP INDEX "Annotation_search_idx";
DROP INDEX "Block_search_idx";
DROP INDEX "Comment_search_idx";

-- CreateIndex
CREATE INDEX "Annotation_searchVector_idx" ON "Annotation" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Block_searchVector_idx" ON "Block" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");
