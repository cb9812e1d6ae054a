# Build: a static binary with the référentiels embedded.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.Version=${VERSION}" -o /out/tutor ./cmd/tutor
# The data directory, owned by the runtime user (distroless nonroot is
# 65532): a new volume mounted there takes this ownership.
RUN mkdir -p /out/data && chown 65532:65532 /out/data && chmod 0700 /out/data

# Run: a small image, non-root, state in /data.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/tutor /usr/local/bin/tutor
COPY --from=build --chown=65532:65532 /out/data /data
ENV TUTOR_DATA_DIR=/data
VOLUME ["/data"]
# /healthz and /metrics; the health check asks /healthz (no curl here).
ENV TUTOR_HTTP_ADDR=:8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["/usr/local/bin/tutor", "healthcheck"]
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/tutor"]
