/** What the demo runs: the hub's packaged jar as a process, and a connector per agency in this JVM. */
package se.samband.demo.run;
