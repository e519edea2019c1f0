/**
 * Kriminalvården's release lists: CSV files in a watched folder become release notices; bad rows are
 * reported in an error file by row, column and rule.
 */
package se.samband.connector.file;
