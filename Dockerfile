# Build: a static binary with the référentiels embedded.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.Version=${VERSION}" -o /out/tutor ./cmd/tutor

# Run: a small image, non-root, state in /data.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/tutor /usr/local/bin/tutor
ENV TUTOR_DATA_DIR=/data
VOLUME ["/data"]
# /healthz and /metrics when TUTOR_HTTP_ADDR=:8080
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/tutor"]
