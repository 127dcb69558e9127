/**
 * Admin requests: who is asking ({@link org.phaenthi.server.admin.Principal}, authenticated by an
 * {@link org.phaenthi.server.admin.AdminAuth}) and the record of what they did ({@link
 * org.phaenthi.server.admin.AuditLog}). Imports and publications use these seams.
 */
package org.phaenthi.server.admin;
