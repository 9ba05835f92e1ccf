package dev.kitty.gateway.error;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/** Installs {@link EmptyErrorBodies} right after Reactor Netty's HTTP/1.1 codec on every connection. */
@Configuration(proxyBeanMethods = false)
class EdgeNettyConfiguration {

    @Bean
    NettyServerCustomizer problemBodiesForEmptyErrors(JsonMapper json) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(EmptyErrorBodies.NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, EmptyErrorBodies.NAME, new EmptyErrorBodies(json));
            }
        });
    }
}
