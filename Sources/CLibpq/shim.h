#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H

// libpq, the PostgreSQL project's own client library (Debian: libpq-dev). Only CaseboardPostgres sees it.
// The postgresql/ prefix finds it without pkg-config, which a fresh machine may not have.
#include <postgresql/libpq-fe.h>

// libpq's notice processor takes a C function; this one drops notices ("relation already exists, skipping"),
// which would otherwise be printed on standard error behind the command's own output.
static inline void clibpq_ignore_notice(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

static inline void clibpq_silence_notices(PGconn *conn) {
    PQsetNoticeProcessor(conn, clibpq_ignore_notice, NULL);
}

#endif
