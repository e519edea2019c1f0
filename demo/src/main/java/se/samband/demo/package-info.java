/**
 * {@code samband demo}: {@link se.samband.demo.DemoMain} starts the hub and the connectors, plays DOMAIN.md's eight
 * scenarios and prints their timelines and a summary.
 */
package se.samband.demo;
