/** Dispatch: the plan one submission leads to, and writing it to the broker in one JMS transaction. */
package se.samband.hub.dispatch;
