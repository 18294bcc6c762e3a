# Planmap image: built from source with Maven and the npm front-end plugins, run on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY frontend/package.json frontend/package-lock.json frontend/build.mjs frontend/
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/planmap-*.jar /app/planmap.jar
COPY geodata /app/geodata
ENV PLANMAP_GEODATA_DIR=/app/geodata
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/planmap.jar"]
