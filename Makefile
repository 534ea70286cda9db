# The two commands a newcomer needs: `make dataset` and `make test`.
INPUT ?= seeds
OUT ?= output
MANIFEST ?=
TSX := node_modules/.bin/tsx

.PHONY: dataset test eval bench typecheck clean

# npm ci only when dependencies are missing or the lockfile changed
node_modules/.package-lock.json: package-lock.json
	npm ci
	@touch $@

dataset: node_modules/.package-lock.json
	$(TSX) bin/conflict-dataset.ts --input "$(INPUT)" --out "$(OUT)" $(if $(MANIFEST),--manifest "$(MANIFEST)")

test: node_modules/.package-lock.json
	npx vitest run

eval: node_modules/.package-lock.json
	$(TSX) eval/run-eval.ts --gold gold --output "$(OUT)" --input "$(INPUT)"

bench: node_modules/.package-lock.json
	$(TSX) bench/run-bench.ts

typecheck: node_modules/.package-lock.json
	npx tsc --noEmit

clean:
	rm -rf output/csv output/parquet output/text output/datapackage.json output/CODEBOOK.md
