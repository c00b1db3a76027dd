/* A header standing in for the runtime: a finding printed here is what the
 * classifier must reject (findings always point at user code). */
#warning "[sliceguard-fake] a finding inside the runtime"
