/**
 * The notice contract every module shares: the header model and its vocabulary (notice types, legal
 * bases, purposes, data categories, participant ids), the header's JSON Schema
 * ({@code notice-header-v1.schema.json}), the wire container {@link se.samband.notice.SealedNotice}
 * and {@link se.samband.notice.NoticeJson}, the one strict reader and writer of both. Everything else in
 * the package is package-private: the schema holder, the personnummer-shape scan, strict base64 and the
 * cross-field rules.
 */
package se.samband.notice;
