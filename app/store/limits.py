"""How long the store waits for another writer, and the PostgreSQL advisory lock keys.

Its own module because the engine (write transactions), the migrations (one migrator at a time)
and the errors (what a timeout means to the user) all use them.
"""

BUSY_TIMEOUT_MS = 5000  # an ordinary statement waits this long for another process's write
WRITE_WAIT_SECONDS = 120  # a writer waits this long for the write lock (another importer's bundle)
WRITE_LOCK_KEY = 0x4E494C41  # PostgreSQL advisory lock of the store's writers ("NILA")
MIGRATION_LOCK_KEY = 0x4E494D47  # PostgreSQL advisory lock of schema migrations ("NIMG")
