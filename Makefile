# chatsignal — make help lists the targets.
MVN ?= mvn -B
BUF ?= ./node_modules/.bin/buf
JAR := target/chatsignal.jar

IMAGE ?= chatsignal:0.1.0

.PHONY: help run build test lint tools clean eval eval-encoders image deploy-check scaling bench bench-sweep bench-shed jmh crashtest synccost fuzz

help: ## List the targets
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

run: $(JAR) ## Start the server on the embedded RocksDB store (./data), gRPC 127.0.0.1:50051, HTTP 9464
	java -jar $(JAR)

build: ## Build the runnable shaded jar target/chatsignal.jar
	$(MVN) -DskipTests package

$(JAR): pom.xml $(shell find src/main proto -type f 2>/dev/null)
	$(MVN) -DskipTests package

test: lint ## Run everything: buf lint, unit and contract tests, end-to-end on the real jar (buf curl, promtool)
	$(MVN) verify

lint: tools ## buf lint (STANDARD rules) on proto/
	$(BUF) lint

tools: node_modules/.bin/buf ## Install the buf CLI from npm (used by lint and the reflection tests)

node_modules/.bin/buf: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

eval: ## Classifier evaluation on ../shared/data (+ transcript copies, held-out chats); JSON in target/eval/
	mkdir -p target/eval
	$(MVN) -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/eval/classpath.txt
	java -Dchatsignal.shared.dir=../shared -cp target/test-classes:target/classes:$$(cat target/eval/classpath.txt) dev.chatsignal.topics.ClassifierEval

eval-encoders: ## Interest top-3 and ms per turn: the shipped MiniLM against bge-small fitted the same way (one core, ~10 min)
	mkdir -p target/eval
	$(MVN) -q -Pbge test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/eval/classpath-bge.txt
	taskset -c 0 java -Dchatsignal.shared.dir=../shared -cp target/test-classes:target/classes:$$(cat target/eval/classpath-bge.txt) dev.chatsignal.topics.EncoderComparison

scaling: ## Measure bytes per profile (RocksDB, Redis) and Redis update throughput for docs/scaling.md
	$(MVN) test -Dtest=ProfileFootprintMeasurement -Dsurefire.failIfNoSpecifiedTests=false | grep -E 'FOOTPRINT|THROUGHPUT|Tests run'

bench: ## A/B load test: chatsignal vs grpc-java's benchmark server; ends with a BENCH line (BENCH_QUICK=1: ~1 min)
	bench/bench.sh ab

bench-sweep: ## Open-loop rate sweep of chatsignal until p99 > 10 ms (the rated capacity per node)
	bench/bench.sh sweep

bench-shed: ## Load shedding at twice the capacity: accepted-call latency and rejection time (SHED line)
	bench/bench.sh shed

jmh: ## JMH, single thread: profile lookup, scoring 100/500 candidates, classifying a chat turn
	bench/bench.sh jmh

crashtest: ## kill -9 the real jar 20 times mid-ingest, restart, account for every interaction (CrashDurabilityIT)
	$(MVN) verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashDurabilityIT -Dchatsignal.crash.trials=20

synccost: ## Measure ingest with CHATSIGNAL_STORE_SYNC=true vs false for docs/durability.md
	$(MVN) verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SyncCostMeasurement -Dchatsignal.synccost=true | grep -E 'SYNCCOST|Tests run'

FUZZ_EXECUTIONS ?= 10000000
FUZZ_DURATION ?= 90m
FUZZ_TARGETS ?= ScoreCandidatesFuzzTest IngestInteractionsFuzzTest \
  PrivacyRulesFuzzTest\#scoreCandidates_fallbackRequestsAndSensitiveAds_neverPersonalized \
  PrivacyRulesFuzzTest\#ingestInteractions_withheldChats_neverReachTheProfile

fuzz: ## Fuzz each Jazzer target in turn: FUZZ_EXECUTIONS (10 M) runs or FUZZ_DURATION (90m), whichever first
	@mkdir -p target/fuzz; for t in $(FUZZ_TARGETS); do \
	  log=target/fuzz/$$(echo "$$t" | tr '#' '-').log; echo "== $$t (log: $$log)"; \
	  JAZZER_FUZZ=1 $(MVN) test -Dtest="$$t" -Djazzer.max_executions=$(FUZZ_EXECUTIONS) \
	    -Djazzer.max_duration=$(FUZZ_DURATION) > $$log 2>&1; rc=$$?; \
	  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^Done [0-9]+ runs|^==[0-9]+==|Tests run:' $$log; \
	  grep -A40 -m1 '== Java Exception' $$log; grep -m20 '^\[ERROR\] ' $$log; \
	  test $$rc -eq 0 || exit $$rc; \
	done

image: ## Build the container image from deploy/Dockerfile (needs a Docker engine)
	docker build -f deploy/Dockerfile -t $(IMAGE) .

deploy-check: ## Check deploy/: kustomize overlays, promtool rules and tests, dashboard vs a real scrape, real Prometheus
	$(MVN) verify -Dtest='dev.chatsignal.deploy.**' -Dit.test='dev.chatsignal.deploy.**' -Dsurefire.failIfNoSpecifiedTests=false

clean: ## Remove build output (keeps ./data)
	$(MVN) clean
