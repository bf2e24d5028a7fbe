// serve: the HTTP upload server until SIGINT/SIGTERM. The signals are blocked before the server's
// threads start (they inherit the mask) and taken synchronously here with sigwait, so shutdown
// runs in ordinary code, not in a signal handler.
#include <csignal>

#include "hub_cli/context.h"
#include "sync/hub/endpoint.h"

namespace gocua::hubcli {

void addServeCommand(CLI::App& app, Action& action) {
  auto* serve = app.add_subcommand("serve", i18n::tr("hub.cmd.serve"));
  static std::string listen;
  serve->add_option("--listen", listen, i18n::tr("hub.opt.listen"))->required();
  onUnlocked(serve, action, [](Context& ctx, auto& session) {
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    auto endpoint = hub::makeEndpoint(session);
    auto server = sync::transport::HubServer::start(listen, *endpoint, ctx.dataDir() / "incoming");
    if (!server) return fail(server.error());
    const std::string bound = (*server)->boundAddress();
    printJson({{"listening", bound}});
    say("hub.serve.listening", {{"address", bound}});
    int sig = 0;
    sigwait(&stopSignals, &sig);
    (*server)->stop();
    say("hub.serve.stopped");
    return static_cast<int>(kOk);
  });
}

}  // namespace gocua::hubcli
