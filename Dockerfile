# Build the server jar, then run it as a non-root user on a JRE. Configure with environment variables
# (see README, "Production configuration"); compose.yaml wires PostgreSQL and Redis.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY fsrs/pom.xml fsrs/pom.xml
COPY server/pom.xml server/pom.xml
RUN ./mvnw -B -ntp -q dependency:go-offline -DexcludeArtifactIds=glossa-fsrs || true
COPY fsrs/src fsrs/src
COPY server/src server/src
RUN ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:25-jre
RUN groupadd --system glossa && useradd --system --gid glossa --uid 10001 --home-dir /app glossa
WORKDIR /app
COPY --from=build /src/server/target/glossa.jar /app/glossa.jar
USER glossa
ENV SPRING_PROFILES_ACTIVE=prod
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s \
  CMD wget -qO- http://127.0.0.1:8080/actuator/health/liveness >/dev/null 2>&1 || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/glossa.jar"]
