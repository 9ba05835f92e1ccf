package dev.kitty.archfixture.admin;

import dev.kitty.archfixture.account.AccountRepository;
import dev.kitty.events.EventType;
import dev.kitty.fixtureproducer.events.SomethingHappened;
import dev.kitty.otherservice.Secret;
import dev.kitty.platform.messaging.IntegrationEvents;
import dev.kitty.platform.web.ApiProblem;

class Administration {

    Object everythingItShouldNotTouch(AccountRepository accounts, IntegrationEvents events, Secret secret) {
        return accounts.find(1);
    }

    Object refuse() {
        throw ApiProblem.notFound("Below the controllers: not allowed.");
    }

    Object whatItMayUse(EventType<?> type, SomethingHappened event) {
        return event;
    }
}
