/**
 * JMH benchmarks. Build with {@code mvn -B -DskipTests package -pl patchchain-bench -am}, run with
 * {@code java -jar patchchain-bench/target/benchmarks.jar}; results and commands are in {@code docs/benchmarks.md}.
 */
package dev.patchchain.bench;
