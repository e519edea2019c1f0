/** Trust: the hub's key, the federation's trust anchors and CRLs, and participants' certificates. */
package se.samband.hub.trust;
