# Alumni — the two commands a newcomer needs: `make run` and `make test`.
.PHONY: run test build web contract migrate admin clean demo-data bench

ROOT := $(CURDIR)
DB ?= $(ROOT)/data/alumni.db
export DOTNET_CLI_TELEMETRY_OPTOUT = 1
export DOTNET_NOLOGO = 1

## run: restore, build the web app, migrate and seed the embedded SQLite database, serve http://127.0.0.1:5080
run: web
	mkdir -p $(ROOT)/data
	ASPNETCORE_ENVIRONMENT=Development \
	ConnectionStrings__Alumni="Data Source=$(DB)" \
	Web__DistPath=$(ROOT)/web/dist \
	Smtp__MailDirectory=$(ROOT)/data/mail \
	Alumni__DemoUsers=true \
	dotnet run --project api --no-launch-profile -- --urls http://127.0.0.1:5080

## test: every suite (.NET on SQLite and, where Docker answers, SQL Server; web unit; end-to-end in Chromium), then totals
test:
	./scripts/test.sh

build:
	dotnet build Alumni.sln -nologo

web:
	cd web && ([ -d node_modules ] || npm ci --no-audit --no-fund) && npm run build

## contract: rewrite openapi.yaml from the API and the web app's generated client from it
contract:
	dotnet build api -nologo -clp:ErrorsOnly
	dotnet run --project api --no-build --no-launch-profile -- openapi $(ROOT)/openapi.yaml
	dotnet msbuild tests/Alumni.Api.Tests.csproj -nologo -t:GenerateClient -p:ClientOutput=$(ROOT)/web/src/api/generated.ts

## admin: make someone an admin of the local database: make admin EMAIL=someone@example.org
admin:
	mkdir -p $(ROOT)/data
	ConnectionStrings__Alumni="Data Source=$(DB)" dotnet run --project api --no-launch-profile -- admin grant $(EMAIL)

## migrate: apply migrations and seed, without serving
migrate:
	mkdir -p $(ROOT)/data
	ConnectionStrings__Alumni="Data Source=$(DB)" dotnet run --project api --no-launch-profile -- migrate

## demo-data: put N generated alumni into the `make run` database: make demo-data N=500000
N ?= 100000
BENCHMARKS := dotnet run --project tests/Alumni.Benchmarks -c Release --
demo-data:
	mkdir -p $(ROOT)/data
	$(BENCHMARKS) seed "Data Source=$(DB)" $(N)

## bench: search, import, event registration and newsletter send benchmarks (Release), then docs/performance.md from what they measured
BENCH_MEMBERS ?= 500000
BENCH_ROWS ?= 1000000
BENCH_RESULTS := artifacts/bench
bench:
	dotnet build api -c Release -nologo -clp:ErrorsOnly
	mkdir -p $(BENCH_RESULTS)
	-$(BENCHMARKS) bench-search --members $(BENCH_MEMBERS) --out $(BENCH_RESULTS)/search.json
	-$(BENCHMARKS) bench-import --rows $(BENCH_ROWS) --out $(BENCH_RESULTS)/import.json
	-$(BENCHMARKS) bench-registration --requests 1000 --seats 100 --out $(BENCH_RESULTS)/registration.json
	-$(BENCHMARKS) bench-newsletter --recipients 100000 --out $(BENCH_RESULTS)/newsletter.json
	-$(BENCHMARKS) bench-newsletter --recipients 100000 --kill y --out $(BENCH_RESULTS)/newsletter-kill.json
	$(BENCHMARKS) report docs/performance.md $(BENCH_RESULTS)

clean:
	rm -rf TestResults web/dist */bin */obj
