/** End-to-end journeys over HTTP against running instances with real PostgreSQL and Redis, one behaviour per test. */
package dev.vestibule.bootstrap.journeys;
