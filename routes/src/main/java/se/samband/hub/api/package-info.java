/**
 * The agencies' REST API for notices: {@code POST /api/v1/notices} runs the same pipeline as the JMS inbox and
 * writes its plan in one JMS transaction before answering; {@code GET /api/v1/notices/{id}} shows the sender the
 * handover state per recipient. The OpenAPI document ({@code /v3/api-docs}) lists every error code from
 * {@code ErrorCode}, so it cannot drift from the code.
 */
package se.samband.hub.api;
