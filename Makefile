# BTS tutor — the targets a developer and CI use.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.Version=$(VERSION)

.PHONY: build run test eval bench lint docker

build: ## the tutor binary in ./bin
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/tutor ./cmd/tutor

run: ## the local console, nothing to configure
	$(GO) run ./cmd/tutor

test: ## what CI runs: vet, format check, race-enabled tests, then, without -race, the golden set's targets, the briefs' 1 500 seeds (key, French) and the whole golden set through the unreliable, adversarial and honest models
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || (echo "gofmt would change:"; gofmt -l .; exit 1)
	$(GO) test -race -count=1 -parallel 8 ./...
	$(GO) test -count=1 -run 'TestGoldenSetTargets|TestBriefsHoldOverManySeeds|TestKeyHoldsOverEveryCombination|TestFrenchOfEveryBrief|TestKitOverEveryCombination|TestPDFOfEveryCombination|OverGoldenSet|TestRemoteEmbeddingsFailing' ./eval ./scenario ./answer ./cmd/tutor

DEVSET ?= ../shared/eval/dev-questions.jsonl

eval: ## scores by kind: both halves of the golden set, then the shared development set when present
	$(GO) run ./cmd/tutor eval
	@if [ -f $(DEVSET) ]; then $(GO) run ./cmd/tutor eval --questions $(DEVSET); else echo "($(DEVSET) absent : jeu de développement non évalué)"; fi

bench: ## index build, search, answer, brief, quiz and Discord round-trip timings
	$(GO) test -run '^$$' -bench . -benchmem ./retrieval ./answer ./scenario ./quiz ./bot/discord

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || (gofmt -l .; exit 1)

docker:
	docker build --build-arg VERSION=$(VERSION) -t bts-tutor:$(VERSION) .
