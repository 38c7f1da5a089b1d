# erlint in a small image: built in the Rust image, run from distroless.
#   docker build -t erlint .
#   docker run --rm -v "$PWD:/design" erlint check
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY . .
# With .git in the build context `--version` names the commit; without, none.
RUN cargo build --release --locked && strip target/release/erlint

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/erlint /usr/local/bin/erlint
WORKDIR /design
ENTRYPOINT ["/usr/local/bin/erlint"]
CMD ["check"]
