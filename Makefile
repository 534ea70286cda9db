# The two commands a newcomer needs: `make dataset` and `make test`.
INPUT ?= seeds
OUT ?= output
MANIFEST ?=
TSX := node_modules/.bin/tsx

.PHONY: dataset test eval bench bench-phase2 typecheck clean

# npm ci only when dependencies are missing or the lockfile changed
node_modules/.package-lock.json: package-lock.json
	npm ci
	@touch $@

# The pipeline as plain JavaScript (scripts/build-dist.mjs says why), rebuilt when a source changes
SOURCES := $(shell find bin pipeline schemas -name '*.ts' -o -name '*.json')
dist/.built: node_modules/.package-lock.json scripts/build-dist.mjs $(SOURCES)
	@node scripts/build-dist.mjs
	@touch $@

# The CLI exits 3 when some inputs were rejected: the dataset is still written whole
# (rejects.csv lists them), so for make that is success, said on stderr. Any other
# failure stops make.
# node is launched with the settings that only work at start-up (LAUNCH_ENV and
# LAUNCH_NODE_FLAGS in pipeline/workers/heap-growth.ts; a test keeps this line equal)
NODE_LAUNCH := MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 node --max-semi-space-size=4

dataset: dist/.built
	@$(NODE_LAUNCH) dist/bin/conflict-dataset.js --input "$(INPUT)" --out "$(OUT)" $(if $(MANIFEST),--manifest "$(MANIFEST)"); \
	status=$$?; \
	if [ $$status -eq 3 ]; then echo "make dataset: written, with rejected inputs listed in $(OUT)/csv/rejects.csv" >&2; exit 0; fi; \
	exit $$status

test: node_modules/.package-lock.json
	npx vitest run

eval: node_modules/.package-lock.json
	@$(TSX) eval/run-eval.ts --gold gold --output "$(OUT)" --input "$(INPUT)"

bench: dist/.built
	$(TSX) bench/run-bench.ts

# phase 2 (resolve and writing) alone, replayed from spills kept once (bench/replay-phase2.ts)
bench-phase2: dist/.built
	$(TSX) bench/replay-phase2.ts

typecheck: node_modules/.package-lock.json
	npx tsc --noEmit

clean:
	rm -rf dist
	rm -rf output/csv output/parquet output/text output/datapackage.json output/CODEBOOK.md
