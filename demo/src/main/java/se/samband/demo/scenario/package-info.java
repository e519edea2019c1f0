/** DOMAIN.md's eight scenarios ({@link se.samband.demo.scenario.Scenarios#all()}), with their made-up people. */
package se.samband.demo.scenario;
