#include <node_api.h>
#include <valgrind/callgrind.h>
#include <valgrind/valgrind.h>

static napi_value zero(napi_env env, napi_callback_info info) { CALLGRIND_ZERO_STATS; return NULL; }
static napi_value dump(napi_env env, napi_callback_info info) {
  size_t argc = 1; napi_value argv[1]; char label[256] = "";
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc > 0) { size_t len; napi_get_value_string_utf8(env, argv[0], label, sizeof label, &len); }
  CALLGRIND_DUMP_STATS_AT(label);
  return NULL;
}
static napi_value running(napi_env env, napi_callback_info info) {
  napi_value result; napi_get_boolean(env, RUNNING_ON_VALGRIND > 0, &result); return result;
}
static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    {"zero", 0, zero, 0, 0, 0, napi_default, 0},
    {"dump", 0, dump, 0, 0, 0, napi_default, 0},
    {"running", 0, running, 0, 0, 0, napi_default, 0},
  };
  napi_define_properties(env, exports, 3, props);
  return exports;
}
NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
