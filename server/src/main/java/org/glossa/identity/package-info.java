/**
 * Identity: who the learners, editors and admins are. Registration, sign-in with rotating refresh
 * tokens, profiles, password reset, account deletion and data export. Other modules read accounts
 * through {@link org.glossa.identity.Accounts}, learn who is calling from {@link org.glossa.identity.CurrentUser},
 * and remove their data when they receive {@link org.glossa.identity.AccountDeleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.glossa.identity;
