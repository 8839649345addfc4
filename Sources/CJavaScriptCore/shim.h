#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>

// From JavaScriptCore's JSContextRefPrivate.h, which the Debian/WebKitGTK development package does
// not ship. Both functions are exported by libjavascriptcoregtk-4.1 (check with
// `nm -D libjavascriptcoregtk-4.1.so.0 | grep ExecutionTimeLimit`). The guard lets the header coexist
// with a platform that does ship the private header.
#ifndef JSContextRefPrivate_h
#ifdef __cplusplus
extern "C" {
#endif

/// Called when a script exceeds the group's time limit; return true to terminate the script.
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);

/// Sets the maximum time (seconds) a script may run per entry into the VM; on expiry `callback`
/// decides (NULL: always terminate). Termination throws an uncatchable exception out of the script.
JS_EXPORT void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit,
                                                   JSShouldTerminateCallback callback, void *context);
/// Removes the time limit.
JS_EXPORT void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);

#ifdef __cplusplus
}
#endif
#endif
