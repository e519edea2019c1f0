/** The client of a connector's local REST API: the only way the demo talks to Samband. */
package se.samband.demo.agency;
