/**
 * What every hub feature shares: the {@code samband.*} settings ({@link se.samband.hub.system.HubProperties}),
 * the broker addresses and endpoint URIs ({@link se.samband.hub.system.Endpoints}), the route ids
 * ({@link se.samband.hub.system.RouteIds}) and the hub's clock.
 */
package se.samband.hub.system;
