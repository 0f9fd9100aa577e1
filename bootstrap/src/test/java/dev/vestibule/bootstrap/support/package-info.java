/** What the end-to-end suites run against: real PostgreSQL and Redis, real instances, a cookie-keeping HTTP client. */
package dev.vestibule.bootstrap.support;
